// clauselint's entry point: parse the command line, then run the command.
#include <string_view>

#include "cli/commands.h"
#include "cli/options.h"

int main(int argc, char** argv) {
  using namespace clauselint::cli;
  struct Command {
    std::string_view name;
    int (*run)(const Options&);
  };
  static constexpr Command commands[] = {
      {"lint", run_lint}, {"rules", run_rules}, {"explain", run_explain}, {"test", run_test},
      {"print-config", run_print_config}, {"accuracy", run_accuracy},
      {"generate", run_generate}};

  Options options;
  if (const int code = parse_args(argc, argv, options); code >= 0) return code;
  for (const auto& command : commands)
    if (command.name == options.command) return command.run(options);
  return 2;
}
