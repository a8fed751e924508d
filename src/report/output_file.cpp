// write_file_atomically (report.h) and check_output_target (output_target.h).
//
// The rules that keep `-o FILE` from harming anything:
//   - FILE a symbolic link: the file it points to is replaced; the link stays.
//   - FILE a device, FIFO or other non-regular file (/dev/null, /dev/stdout):
//     written in place, never replaced by a regular file. A directory or a
//     socket is refused.
//   - A regular FILE is replaced through a temporary file in the same folder,
//     created with O_EXCL | O_NOFOLLOW under an unpredictable name (mkstemp),
//     so a planted symlink cannot redirect the write; it gets FILE's mode
//     (and owner, when allowed) before the rename.
//   - A write, fsync or close error removes the temporary file and is reported.
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clauselint/output_target.h"
#include "clauselint/report.h"
#include "clauselint/safe_text.h"

namespace clauselint {
namespace {

namespace fs = std::filesystem;

std::string write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t n = write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::strerror(errno);
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

mode_t current_umask() {
  const mode_t mask = umask(0);
  umask(mask);
  return mask;
}

}  // namespace

std::string write_file_atomically(const std::string& path, std::string_view content) {
  const std::string shown = printable(path);
  fs::path target(path);
  struct stat st {};
  if (lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    // Replace what the link points to, keep the link.
    char resolved[PATH_MAX];
    if (realpath(path.c_str(), resolved)) {
      target = resolved;
    } else {  // a dangling link: create the file it names
      std::error_code ec;
      const fs::path to = fs::read_symlink(path, ec);
      if (ec) return fmt::format("cannot write {}: {}", shown, ec.message());
      target = to.is_absolute() ? to : fs::path(path).parent_path() / to;
    }
  }
  const bool exists = stat(target.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return fmt::format("cannot write {}: it is a directory", shown);
  if (exists && S_ISSOCK(st.st_mode)) return fmt::format("cannot write {}: it is a socket", shown);
  if (exists && !S_ISREG(st.st_mode)) {
    // A device or a FIFO: write into it, as a shell's '>' would.
    const int fd = open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return fmt::format("cannot write {}: {}", shown, std::strerror(errno));
    std::string error = write_all(fd, content);
    if (close(fd) != 0 && error.empty()) error = std::strerror(errno);
    return error.empty() ? std::string() : fmt::format("cannot write {}: {}", shown, error);
  }

  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / fmt::format(".{}.XXXXXX", target.filename().string())).string();
  const int fd = mkostemp(temp.data(), O_CLOEXEC);  // O_EXCL, mode 0600, unpredictable name
  if (fd < 0) return fmt::format("cannot write {}: {}", shown, std::strerror(errno));
  auto fail = [&](std::string why) {
    close(fd);
    unlink(temp.c_str());
    return fmt::format("cannot write {}: {}", shown, why);
  };
  // The mode it would have had: the existing file's, else 0666 minus the umask.
  const mode_t mode = exists ? (st.st_mode & 07777) : (0666 & ~current_umask());
  if (exists && (st.st_uid != geteuid() || st.st_gid != getegid())) {
    if (fchown(fd, st.st_uid, st.st_gid) != 0) {
    }  // best effort: only root may give files away
  }
  if (fchmod(fd, mode) != 0) return fail(std::strerror(errno));
  if (std::string error = write_all(fd, content); !error.empty()) return fail(error);
  if (fsync(fd) != 0 && errno != EINVAL) return fail(std::strerror(errno));
  if (close(fd) != 0) {
    const std::string why = std::strerror(errno);
    unlink(temp.c_str());
    return fmt::format("cannot write {}: {}", shown, why);
  }
  if (rename(temp.c_str(), target.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    unlink(temp.c_str());
    return fmt::format("cannot write {}: {}", shown, why);
  }
  return {};
}

std::string check_output_target(const std::string& output, const std::vector<std::string>& inputs,
                                std::string_view option) {
  if (output.empty()) return {};
  struct stat out {};
  if (stat(output.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) return {};  // new, or a device: nothing to protect
  for (const auto& input : inputs) {
    struct stat in {};
    if (input == "-" || stat(input.c_str(), &in) != 0) continue;
    if (S_ISREG(in.st_mode) && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
      return fmt::format(
          "{} {} is also an input ({}): refusing to overwrite the policy being linted; write the report "
          "to another file",
          option, printable(output), printable(input));
    if (S_ISDIR(in.st_mode)) {
      // An input folder: the output must not be one of the policies it holds.
      std::error_code ec;
      const fs::path folder = fs::weakly_canonical(input, ec), file = fs::weakly_canonical(output, ec);
      const auto rel = file.lexically_relative(folder);
      if (!ec && !rel.empty() && *rel.begin() != ".." && is_policy_extension(output))
        return fmt::format(
            "{} {} lies in the input folder {} and would be linted: refusing to overwrite a policy; "
            "write the report elsewhere",
            option, printable(output), printable(input));
    }
  }
  return {};
}

}  // namespace clauselint

#include <iostream>

namespace clauselint {

std::string flush_stdout() {
  errno = 0;
  std::cout.flush();
  if (std::cout.good()) return {};
  const int error = errno;
  std::cout.clear();
  if (fcntl(STDOUT_FILENO, F_GETFD) == -1) return "cannot write the report: standard output is closed";
  return fmt::format("cannot write the report to standard output: {}", error ? std::strerror(error) : "write error");
}

}  // namespace clauselint
