// Guarding the report file (-o, --write-baseline) against harming inputs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clauselint/input.h"

namespace clauselint {

// An error message when `output` is the same file as one of `inputs` (by
// device and inode, so links and "./p.md" count), or a policy file inside an
// input folder; "" when writing it is safe. `option` names the flag ("-o").
std::string check_output_target(const std::string& output, const std::vector<std::string>& inputs,
                                std::string_view option);

// Flushes std::cout; "" when every byte reached standard output, else why
// not ("cannot write the report to standard output: No space left on device").
std::string flush_stdout();

}  // namespace clauselint
