# Validates the SARIF clauselint writes with Microsoft's SARIF Multitool
# (`validate --rule-kind "Sarif;Gh;Ghas"`, every level) and fails on any error.
# The Multitool exits 0 even when the log is invalid, so this script reads
# its report and judges the results itself.
#
# Inputs: CLAUSELINT, MULTITOOL, WORKDIR, NAME, ROOT, ARGS ("@@"-separated),
# and optionally EXPECT_RESULTS, the number of results the log must hold.
#
# Results accepted (notes and warnings about choices made on purpose):
#   SARIF2002  message arguments: clauselint's messages are complete sentences.
#   SARIF2003  versionControlProvenance: not known to clauselint.
#   SARIF2006  URIs reachable: helpUri points at docs/rules/ of the project's
#              repository, which this offline check cannot reach.
#   SARIF2009  conventional rule ids (e.g. "CL1001"): clauselint's ids are
#              kebab-case names users type in suppressions and config.
#   SARIF2011  context regions: the region is the whole clause or heading line.
#   SARIF2016  absolute file URIs: only for inputs outside --root.
cmake_policy(SET CMP0057 NEW)
set(accepted SARIF2002 SARIF2003 SARIF2006 SARIF2009 SARIF2011 SARIF2016)

string(REPLACE "@@" ";" ARGS "${ARGS}")
set(log ${WORKDIR}/${NAME}.sarif)
set(report ${WORKDIR}/${NAME}.report.sarif)
file(MAKE_DIRECTORY ${WORKDIR})
execute_process(COMMAND ${CLAUSELINT} --format sarif -o ${log} --root ${ROOT} ${ARGS}
  RESULT_VARIABLE status ERROR_VARIABLE err OUTPUT_VARIABLE out)
if(status GREATER 2 OR NOT EXISTS ${log})
  message(FATAL_ERROR "clauselint exited ${status} without writing ${log}:\n${err}")
endif()
if(DEFINED EXPECT_RESULTS)
  # Missing clauses are errors; weak-wording warnings and notes come on top.
  file(READ ${log} written)
  string(JSON all_results LENGTH "${written}" runs 0 results)
  set(results 0)
  if(all_results GREATER 0)
    math(EXPR last_result "${all_results} - 1")
    foreach(i RANGE ${last_result})
      string(JSON result_level GET "${written}" runs 0 results ${i} level)
      if(result_level STREQUAL "error")
        math(EXPR results "${results} + 1")
      endif()
    endforeach()
  endif()
  if(NOT results EQUAL EXPECT_RESULTS)
    message(FATAL_ERROR "${log} has ${results} error results; expected ${EXPECT_RESULTS}")
  endif()
endif()
# Every rule carries its measured precision, as GitHub code scanning reads it.
file(READ ${log} written)
string(JSON rule_count LENGTH "${written}" runs 0 tool driver rules)
math(EXPR last_rule "${rule_count} - 1")
foreach(i RANGE ${last_rule})
  string(JSON rule_id GET "${written}" runs 0 tool driver rules ${i} id)
  string(JSON precision ERROR_VARIABLE no_precision GET "${written}" runs 0 tool driver rules ${i} properties precision)
  if(no_precision OR NOT precision MATCHES "^(low|medium|high|very-high)$")
    message(FATAL_ERROR "rule ${rule_id} has no valid properties.precision in ${log}")
  endif()
endforeach()
execute_process(COMMAND ${MULTITOOL} validate ${log} -o ${report} --log ForceOverwrite
                        --rule-kind "Sarif;Gh;Ghas" --level "Error;Warning;Note"
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT EXISTS ${report})
  message(FATAL_ERROR "the SARIF Multitool failed (${status}):\n${out}${err}")
endif()

file(READ ${report} json)
string(JSON count ERROR_VARIABLE no_results LENGTH "${json}" runs 0 results)
if(no_results)
  set(count 0)
endif()
set(failures "")
set(seen_accepted "")
if(count GREATER 0)
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON rule GET "${json}" runs 0 results ${i} ruleId)
    string(JSON level ERROR_VARIABLE no_level GET "${json}" runs 0 results ${i} level)
    if(no_level)
      set(level warning)
    endif()
    string(JSON where ERROR_VARIABLE no_args GET "${json}" runs 0 results ${i} message arguments 0)
    if(level STREQUAL "error" OR NOT rule IN_LIST accepted)
      string(APPEND failures "  ${level} ${rule} at ${where}\n")
    else()
      list(APPEND seen_accepted ${rule})
    endif()
  endforeach()
endif()
if(failures)
  message(FATAL_ERROR "the SARIF Multitool found problems in ${log}:\n${failures}")
endif()
list(REMOVE_DUPLICATES seen_accepted)
message(STATUS "${NAME}: valid SARIF (${count} accepted notes: ${seen_accepted})")
