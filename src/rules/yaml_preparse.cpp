#include "rules/yaml_preparse.h"

#include <future>
#include <map>
#include <mutex>
#include <string>

namespace clauselint {
namespace {

std::mutex mutex;
std::map<const char*, std::shared_future<YAML::Node>>& started() {
  static std::map<const char*, std::shared_future<YAML::Node>> futures;
  return futures;
}

}  // namespace

void preparse_yaml(const std::vector<std::string_view>& texts) {
  const std::lock_guard lock(mutex);
  for (const std::string_view text : texts)
    if (!started().count(text.data()))
      started()[text.data()] = std::async(std::launch::async, [text] { return YAML::Load(std::string(text)); }).share();
}

void wait_preparsed_yaml() {
  const std::lock_guard lock(mutex);
  for (auto& [text, future] : started()) future.wait();
}

std::optional<YAML::Node> take_preparsed_yaml(std::string_view text) {
  std::shared_future<YAML::Node> future;
  {
    const std::lock_guard lock(mutex);
    const auto it = started().find(text.data());
    if (it == started().end()) return std::nullopt;
    future = it->second;
  }
  return future.get();
}

}  // namespace clauselint
