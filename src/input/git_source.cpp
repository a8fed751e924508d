// read_git_file, check_revision, parse_git_spec, repository paths and
// renames (git_source.h). Each failure is told apart with its own git call,
// so the message can name what is wrong: git, the repository, the revision,
// the path, or the content.
#include <filesystem>

#include <fmt/format.h>

#include "clauselint/git_source.h"

namespace clauselint {
namespace {

namespace fs = std::filesystem;

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

GitFile failure(GitFile::Status status, std::string message) {
  GitFile f;
  f.status = status;
  f.message = std::move(message);
  return f;
}

// The commit `rev` names (a full hash), or a failure.
GitFile resolve_commit(const std::string& rev) {
  const GitRun top = run_git({"rev-parse", "--show-toplevel"});
  if (top.status < 0)
    return failure(GitFile::Status::no_git,
                   "git is not installed or not on PATH: install git (apt-get install git) to read REV:path");
  if (top.status != 0)
    return failure(
        GitFile::Status::not_a_repository,
        fmt::format("{} is not inside a git repository: run clauselint in the repository, or compare two files",
                    fs::current_path().string()));
  if (!rev.empty() && rev[0] != '-') {
    const GitRun commit = run_git({"rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"});
    if (commit.status == 0) {
      GitFile ok;
      ok.bytes = trimmed(commit.out);
      return ok;
    }
  }
  if (rev == "HEAD" && run_git({"rev-list", "-n", "1", "--all"}).out.empty())
    return failure(GitFile::Status::unborn,
                   "the repository has no commits yet (HEAD is unborn): make a first commit, or compare two files");
  return failure(GitFile::Status::unknown_revision,
                 fmt::format("unknown revision '{}' in the repository at {}: name a commit, branch or tag "
                             "('git log --oneline' lists them; a shallow clone may need 'git fetch --unshallow')",
                             rev, trimmed(top.out)));
}

}  // namespace

std::optional<GitSpec> parse_git_spec(const std::string& spec) {
  const auto colon = spec.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == spec.size()) return std::nullopt;
  std::error_code ec;
  if (fs::exists(spec, ec)) return std::nullopt;  // a file whose name has a ':'
  return GitSpec{spec.substr(0, colon), spec.substr(colon + 1)};
}

GitFile check_revision(const std::string& rev) { return resolve_commit(rev); }

GitFile read_git_file(const std::string& rev, const std::string& path) {
  GitFile commit = resolve_commit(rev);
  if (commit.status != GitFile::Status::ok) return commit;
  const std::string object = commit.bytes + ":" + path;
  const GitRun type = run_git({"cat-file", "-t", object});
  if (type.status != 0)
    return failure(
        GitFile::Status::absent,
        fmt::format("'{}' did not exist at {}: check the name ('git ls-tree -r --name-only {}' lists the files "
                    "there; the path is from the top of the repository, ./path from the current folder)",
                    path, rev, rev));
  if (trimmed(type.out) != "blob")
    return failure(GitFile::Status::directory,
                   fmt::format("'{}' is a {} at {}, not a file: name a policy file", path,
                               trimmed(type.out) == "tree" ? "folder" : trimmed(type.out), rev));
  GitRun blob = run_git({"cat-file", "blob", object});
  if (blob.status != 0)
    return failure(GitFile::Status::absent, fmt::format("cannot read '{}' at {}: {}", path, rev, trimmed(blob.err)));
  if (blob.out.substr(0, 8000).find('\0') != std::string::npos)  // git's own test for binary content
    return failure(GitFile::Status::binary,
                   fmt::format("'{}' is a binary file at {} (git shows 'Binary files differ'): compare a text revision",
                               path, rev));
  GitFile file;
  file.bytes = std::move(blob.out);
  return file;
}

std::string git_toplevel() {
  const GitRun top = run_git({"rev-parse", "--show-toplevel"});
  return top.status == 0 ? trimmed(top.out) : std::string();
}

std::string repository_path(const std::string& file) {
  std::error_code ec;
  const fs::path top = fs::weakly_canonical(git_toplevel(), ec);
  const fs::path full = fs::weakly_canonical(fs::absolute(file, ec), ec);
  return full.lexically_relative(top).generic_string();
}

namespace {

// The NUL-separated fields of `git diff --name-status -z ...`, as (status, path[, new path]) records.
std::vector<std::vector<std::string>> name_status(const std::vector<std::string>& args) {
  std::vector<std::vector<std::string>> records;
  const GitRun diff = run_git(args);
  if (diff.status != 0) return records;
  std::vector<std::string> fields;
  for (std::size_t start = 0; start < diff.out.size();) {
    const std::size_t end = std::min(diff.out.find('\0', start), diff.out.size());
    fields.push_back(diff.out.substr(start, end - start));
    start = end + 1;
  }
  for (std::size_t i = 0; i < fields.size();) {
    const bool two_paths = !fields[i].empty() && (fields[i][0] == 'R' || fields[i][0] == 'C');
    const std::size_t n = two_paths ? 3 : 2;
    if (i + n > fields.size()) break;
    records.emplace_back(fields.begin() + static_cast<std::ptrdiff_t>(i),
                         fields.begin() + static_cast<std::ptrdiff_t>(i + n));
    i += n;
  }
  return records;
}

}  // namespace

std::map<std::string, std::string> renames_since(const std::string& rev) {
  std::map<std::string, std::string> renamed;
  for (const auto& r : name_status({"diff", "--find-renames", "--name-status", "-z", "--end-of-options", rev, "--"}))
    if (r[0][0] == 'R') renamed[r[2]] = r[1];
  return renamed;
}

std::vector<std::string> changed_since(const std::string& rev, std::vector<std::string>& deleted) {
  std::vector<std::string> changed;
  for (const auto& r :
       name_status({"diff", "--find-renames", "--name-status", "-z", "--relative", "--end-of-options", rev, "--"})) {
    if (r[0][0] == 'D')
      deleted.push_back(r[1]);
    else
      changed.push_back(r.back());
  }
  return changed;
}

}  // namespace clauselint
