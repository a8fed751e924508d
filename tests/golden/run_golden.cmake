# Runs CLAUSELINT with ARGS (and STDIN as standard input, when set) and
# compares what it printed and its exit status with the file EXPECTED.
# With the environment variable CLAUSELINT_UPDATE_GOLDEN=1 it rewrites EXPECTED.
# SUBSTITUTE (optional): a folder whose absolute path varies by machine (a
# repository made at test time); it is shown as <repo> in the comparison.
string(REPLACE "@@" ";" ARGS "${ARGS}")
cmake_policy(SET CMP0057 NEW)
set(input_args)
if(STDIN)
  set(input_args INPUT_FILE ${STDIN})
endif()
execute_process(COMMAND ${CLAUSELINT} ${ARGS}
  ${input_args}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
string(REPLACE ";" " " shown_args "${ARGS}")
set(actual "$ clauselint ${shown_args}\n")
if(STDIN)
  set(actual "$ clauselint ${shown_args} < ${STDIN}\n")
endif()
string(APPEND actual "${out}--- stderr\n${err}--- exit ${status}\n")
if(SUBSTITUTE)
  string(REPLACE "${SUBSTITUTE}" "<repo>" actual "${actual}")
endif()

if("$ENV{CLAUSELINT_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE ${EXPECTED} "${actual}")
  return()
endif()
if(NOT EXISTS ${EXPECTED})
  message(FATAL_ERROR "no golden file ${EXPECTED}; run scripts/update-golden.sh and review it. Actual output:\n${actual}")
endif()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
  file(WRITE ${EXPECTED}.actual "${actual}")
  execute_process(COMMAND diff -u ${EXPECTED} ${EXPECTED}.actual OUTPUT_VARIABLE diff)
  file(REMOVE ${EXPECTED}.actual)
  message(FATAL_ERROR "output differs from ${EXPECTED}:\n${diff}")
endif()
