// A pack compiled to an image and loaded back (pack_image.h): PackLoader
// stops before adding the pack to a set and writes what it parsed; loading
// an image picks up at the same point, so both paths share finish().
#include "clauselint/pack_image.h"

#include <cstdlib>
#include <cstring>
#include <map>

#include "clauselint/precision.h"
#include "rules/byte_codec.h"
#include "rules/pack_image_codec.h"
#include "rules/pack_loader.h"

namespace clauselint {
namespace {

std::map<std::string, std::string_view, std::less<>>& builtin_images() {
  static std::map<std::string, std::string_view, std::less<>> images;
  return images;
}
std::string_view& registered_build_id() {
  static std::string_view id;
  return id;
}
// Bytes of a registered built-in image, which lives as long as the process.
bool is_registered_image(std::string_view bytes) {
  for (const auto& [name, image] : builtin_images())
    if (image.data() == bytes.data() && image.size() == bytes.size()) return true;
  return false;
}

}  // namespace

std::optional<std::string> PackLoader::compile(std::string_view yaml, std::vector<Diagnostic>& diagnostics,
                                               bool with_code) {
  auto image = compile(yaml, with_code);
  diagnostics.insert(diagnostics.end(), diagnostics_.begin(), diagnostics_.end());
  return image;
}

std::optional<std::string> PackLoader::compile(std::string_view yaml, bool with_code) {
  activate_library_ = true;  // a library pack's rules are its content
  YAML::Node root;
  if (!parse_root(yaml, root)) return std::nullopt;
  PackImage image;
  image.pack = parse_header(root);
  if (const YAML::Node name = root["name"]) image.name_line = name.Mark().line, image.name_column = name.Mark().column;
  Entries entries = parse_body(root, image.pack.name);
  if (has_errors(diagnostics_)) return std::nullopt;
  image.vocabulary = vocabulary_in_ == nullptr;
  image.fragments = std::move(vocabulary_out_);
  image.matchers = set_.matchers();
  image.rules = std::move(entries.parsed);
  if (is_builtin_pack(image.pack.name))
    for (Rule& rule : image.rules) rule.precision = builtin_precision_of(rule.id);
  for (const SharedRef& ref : entries.shared)
    image.shared.push_back({ref.id, ref.citations, ref.tags, ref.mark.line, ref.mark.column});
  image.order = std::move(entries.order);
  return encode_pack_image(image, with_code);
}

std::vector<Diagnostic> PackLoader::load_image(std::string_view bytes) {
  std::optional<PackImage> image = decode_pack_image(bytes, is_registered_image(bytes));
  if (!image) {
    diagnostics_.push_back({file_,
                            {},
                            Severity::error,
                            "the compiled pack is corrupt or from another clauselint build: delete it, "
                            "or set CLAUSELINT_NO_PRECOMPILED=1 to load packs from their YAML"});
    return diagnostics_;
  }
  image->pack.file = file_;
  from_image_ = true;
  if (image->pack.library && !activate_library_) {  // kept aside for `shared:` references, as load() does
    if (!set_.library_) set_.library_ = std::make_shared<RuleSet>();
    return set_.library_->load_image(bytes, file_, true);
  }
  if (image->vocabulary) {
    vocabulary_out_ = std::move(image->fragments);
    return diagnostics_;
  }
  YAML::Mark name_mark;
  name_mark.line = image->name_line, name_mark.column = image->name_column;
  check_name_free(image->pack.name, name_mark);
  for (const Matcher& m : image->matchers) set_.add_matcher(m);  // in the order parsing interned them
  Entries entries;
  entries.parsed = std::move(image->rules);
  for (Rule& rule : entries.parsed) reintern(rule, image->matchers);
  for (auto& ref : image->shared) {
    YAML::Mark mark;
    mark.line = ref.line, mark.column = ref.column;
    entries.shared.push_back({std::move(ref.id), std::move(ref.citations), std::move(ref.tags), mark});
  }
  entries.order = std::move(image->order);
  finish(std::move(image->pack), entries);
  return diagnostics_;
}

std::vector<Diagnostic> RuleSet::load_image(std::string_view image, const std::string& file, bool activate_library) {
  PackLoader loader(*this, file, activate_library);
  return loader.load_image(image);
}

std::optional<std::string> compile_pack(std::string_view yaml, const std::string& file,
                                        std::vector<Diagnostic>& diagnostics, bool with_code) {
  RuleSet scratch;
  PackLoader loader(scratch, file, true);
  return loader.compile(yaml, diagnostics, with_code);
}

std::string_view pack_build_id() { return registered_build_id(); }

void use_builtin_pack_images(std::string_view blob, std::string_view build_id) {
  registered_build_id() = build_id;
  ByteReader r(blob);
  std::map<std::string, std::string_view, std::less<>> images;
  for (std::size_t n = r.count(); n > 0 && r.ok(); --n) {
    std::string name = r.str();
    images[name] = r.view();
  }
  if (r.ok()) builtin_images() = std::move(images);  // a bad table: every pack loads from YAML
}

std::string_view builtin_pack_image(std::string_view name) {
  static const bool off = [] {
    const char* value = std::getenv("CLAUSELINT_NO_PRECOMPILED");
    return value && *value && std::strcmp(value, "0") != 0;
  }();
  if (off) return {};
  const auto it = builtin_images().find(name);
  return it == builtin_images().end() ? std::string_view() : it->second;
}

}  // namespace clauselint
