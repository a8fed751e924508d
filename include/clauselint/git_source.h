// Reading a policy's past from git: a file at a revision, the renames since
// a revision, and a file's history. Every call runs the `git` command
// (posix_spawnp with an argument vector, never a shell) in the current
// folder, so git's own rules apply: `REV:path` names `path` from the top of
// the repository, `REV:./path` from the current folder.
//
// Cost: one or two short git processes per call (log_follow: one for the
// whole history). Errors are values: a GitFile or GitHistory whose `status`
// says what went wrong and whose `message` names the thing and says what to
// do; nothing throws.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clauselint {

// One run of git: its exit status (-1 when git could not be started) and output.
struct GitRun {
  int status = -1;
  std::string out, err;
};
GitRun run_git(const std::vector<std::string>& args);

// "REV:path" as given on the command line; nullopt when `spec` is not one
// (no ':' or an existing file of that name).
struct GitSpec {
  std::string rev, path;
};
std::optional<GitSpec> parse_git_spec(const std::string& spec);

struct GitFile {
  enum class Status { ok, no_git, not_a_repository, unknown_revision, absent, directory, binary, unborn };
  Status status = Status::ok;
  std::string bytes;    // the blob, when ok
  std::string message;  // for people, when not ok: what, and what to do
};
// The content of `path` at `rev` (a path as git reads it after "REV:").
// `unborn`: rev is HEAD in a repository without commits.
GitFile read_git_file(const std::string& rev, const std::string& path);

// Checks that `rev` names a commit; the same statuses as read_git_file
// (ok, no_git, not_a_repository, unknown_revision, unborn).
GitFile check_revision(const std::string& rev);

// The path of the repository's top folder, or "" outside a repository.
std::string git_toplevel();
// `file` (on disk, relative to the current folder) relative to the top of
// the repository, in git's form ("docs/privacy.md").
std::string repository_path(const std::string& file);

// Files renamed between `rev` and the working tree: new repository path ->
// old repository path (git diff --find-renames).
std::map<std::string, std::string> renames_since(const std::string& rev);

// The files that differ between `rev` and the working tree (tracked files;
// git diff --relative: paths relative to the current folder, only below it):
// those that exist now, and in `deleted` those removed since.
std::vector<std::string> changed_since(const std::string& rev, std::vector<std::string>& deleted);

// One commit of a file's history (oldest first), with the file's path at it.
struct GitRevision {
  std::string commit, short_commit, date, iso_date, author, subject;
  char change = 'M';  // A added, M modified, R renamed (from old_path), D deleted, C copied, T type changed
  std::string path, old_path;
  std::string renamed_to;  // D: the file was renamed to this path (follow that name for later history)
};
struct GitHistory {
  GitFile::Status status = GitFile::Status::ok;
  std::string message;
  std::vector<GitRevision> revisions;
};
// git log --follow of `file` (relative to the current folder), oldest first.
GitHistory log_follow(const std::string& file);

}  // namespace clauselint
