// YAML front matter at the top of a Markdown file ("---" ... "---"/"...").
#pragma once

#include <cstddef>
#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/document.h"

namespace clauselint {

// Fills doc.front_matter and doc.policy_dates from doc.source's front matter
// and returns the byte offset where the Markdown body starts (0 when there is
// none). Malformed YAML is a warning; the block is still skipped.
std::size_t read_front_matter(Document& doc, std::vector<Diagnostic>& diagnostics);

// True for keys that name a policy's date: last_updated, lastUpdated,
// effective_date, last-modified, lastmod, revised ... but not a plain `date`.
bool is_policy_date_key(std::string_view key);

}  // namespace clauselint
