// log_follow (git_source.h): one `git log --follow --name-status -z` of a
// file, parsed into its revisions, oldest first.
#include <algorithm>

#include <fmt/format.h>

#include "clauselint/git_source.h"

namespace clauselint {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// One commit's record: "HASH\x1fDATE\x1fISO\x1fAUTHOR\x1fSUBJECT\0\nSTATUS\0PATH\0[PATH\0]".
std::optional<GitRevision> parse_record(const std::string& record) {
  const std::size_t header_end = record.find('\0');
  if (header_end == std::string::npos) return std::nullopt;  // a merge without a change of its own
  const auto header = split(record.substr(0, header_end), '\x1f');
  if (header.size() < 5) return std::nullopt;
  std::vector<std::string> fields;
  for (auto& f : split(record.substr(header_end + 1), '\0'))
    if (!f.empty() && f != "\n") fields.push_back(f.front() == '\n' ? f.substr(1) : f);
  if (fields.size() < 2 || fields[0].empty()) return std::nullopt;
  GitRevision r;
  r.commit = header[0];
  r.short_commit = header[0].substr(0, 7);
  r.date = header[1];
  r.iso_date = header[2];
  r.author = header[3];
  r.subject = header[4];
  r.change = fields[0][0];
  if ((r.change == 'R' || r.change == 'C') && fields.size() >= 3) {
    r.old_path = fields[1];
    r.path = fields[2];
  } else {
    r.path = fields[1];
  }
  return r;
}

// For a deletion, the name the file was renamed to in the same commit, if any.
std::string renamed_to(const GitRevision& r) {
  const GitRun diff = run_git({"diff", "--find-renames", "--name-status", "-z", r.commit + "^", r.commit, "--"});
  const auto fields = split(diff.out, '\0');
  for (std::size_t i = 0; i + 2 < fields.size(); ++i)
    if (!fields[i].empty() && fields[i][0] == 'R' && fields[i + 1] == r.path) return fields[i + 2];
  return {};
}

}  // namespace

GitHistory log_follow(const std::string& file) {
  GitHistory history;
  const GitFile head = check_revision("HEAD");
  if (head.status != GitFile::Status::ok) {
    history.status = head.status;
    history.message = head.status == GitFile::Status::unborn
                          ? fmt::format("'{}' has no history: the repository has no commits yet", file)
                          : head.message;
    return history;
  }
  const GitRun log = run_git({"log", "--follow", "--format=%x01%H%x1f%ad%x1f%aI%x1f%an%x1f%s", "--date=short",
                              "--name-status", "-z", "--", file});
  if (log.status != 0) {
    history.status = GitFile::Status::absent;
    history.message = fmt::format("git log cannot follow '{}': {}", file, log.err.substr(0, log.err.find('\n')));
    return history;
  }
  for (const auto& record : split(log.out, '\x01'))
    if (auto r = parse_record(record)) {
      if (r->change == 'D') r->renamed_to = renamed_to(*r);
      history.revisions.push_back(std::move(*r));
    }
  std::reverse(history.revisions.begin(), history.revisions.end());
  if (history.revisions.empty()) {
    history.status = GitFile::Status::absent;
    history.message = fmt::format("'{}' has no history in this repository: commit it first, or check the path", file);
  }
  return history;
}

}  // namespace clauselint
