// Decoding HTML character references ("&amp;", "&#8217;", "&#x2019;").
#pragma once

#include <string>
#include <string_view>

namespace clauselint {

// The UTF-8 text `entity` stands for, or `entity` itself when unknown.
std::string decode_entity(std::string_view entity);

}  // namespace clauselint
