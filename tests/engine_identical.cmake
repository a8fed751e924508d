# Findings are byte-identical however the engine runs the patterns: with
# the prefilter (prefilter.h) and without it; with the block memo
# (block_memo.h: blocks seen in an earlier file are not searched again) and
# without it; JIT-compiled at once, interpreted throughout, or, for one file,
# JIT-compiled ahead on another thread (jit_ahead.h); with the built-in packs
# loaded from their compiled images (pack_image.h) or parsed from their YAML.
# Every pack, on the fixtures, the examples and the inputs; and, when
# present, on the seeds, OPP-115 and modern-dev policies (../shared, read only).
set(inputs fixtures examples tests/inputs)
foreach(extra ../shared/seeds ../shared/opp115 ../shared/modern-dev)
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${extra})
    list(APPEND inputs ${extra})
  endif()
endforeach()
set(packs core,caloppa,hygiene,coppa,ccpa,gdpr,us-states)

# No matching-time budget here (limits.h): on a loaded machine under the
# sanitizers a big policy could use up its 5 s in one run and not in another,
# and this test compares results, not time.
set(ENV{CLAUSELINT_MATCH_BUDGET_MS} 3600000)

function(lint name no_prefilter jit_after no_precompiled no_memo)
  set(ENV{CLAUSELINT_NO_PREFILTER} ${no_prefilter})
  set(ENV{CLAUSELINT_NO_MEMO} ${no_memo})
  set(ENV{CLAUSELINT_JIT_AFTER_BYTES} ${jit_after})
  set(ENV{CLAUSELINT_NO_PRECOMPILED} ${no_precompiled})
  execute_process(COMMAND ${CLAUSELINT} --rules ${packs} --format jsonl ${inputs}
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
  set(${name}_out "${out}" PARENT_SCOPE)
  set(${name}_status "${status}" PARENT_SCOPE)
  set(${name}_err "${err}" PARENT_SCOPE)
endfunction()

lint(reference 0 "" 0 0)               # as shipped: images, prefilter, memo, JIT once a pattern has searched 64 KiB
lint(no_prefilter 1 0 0 1)             # every block searched, JIT at once, no memo
lint(interpreted 0 1000000000000 0 1)  # prefilter on, never JIT-compiled, no memo
lint(from_yaml 0 "" 1 0)               # the packs parsed from their YAML

string(LENGTH "${reference_out}" size)
if(size LESS 1000)
  message(FATAL_ERROR "too little output to compare (${size} bytes): ${reference_err}")
endif()
foreach(other no_prefilter interpreted from_yaml)
  if(NOT reference_out STREQUAL ${other}_out OR NOT reference_status EQUAL ${other}_status)
    file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/engine-reference.jsonl "${reference_out}")
    file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/engine-${other}.jsonl "${${other}_out}")
    message(FATAL_ERROR "findings differ between the reference run and '${other}' (inputs: ${inputs}); "
                        "see engine-reference.jsonl and engine-${other}.jsonl")
  endif()
endforeach()
# One file of more than 8 KiB, as a hook lints it: the patterns it needs are
# JIT-compiled on another thread ahead of their searches (jit_ahead.h), or not.
set(ENV{CLAUSELINT_NO_MEMO} 0)
set(ENV{CLAUSELINT_NO_PREFILTER} 0)
set(ENV{CLAUSELINT_JIT_AFTER_BYTES} "")
foreach(ahead 1 0)
  set(ENV{CLAUSELINT_JIT_AHEAD} ${ahead})
  execute_process(COMMAND ${CLAUSELINT} --rules ${packs} --format jsonl fixtures/holdout/03-metricloom-analytics-saas.html
    OUTPUT_VARIABLE one_${ahead} RESULT_VARIABLE one_status_${ahead})
endforeach()
string(LENGTH "${one_1}" size)
if(size LESS 500 OR NOT one_1 STREQUAL one_0 OR NOT one_status_1 EQUAL one_status_0)
  message(FATAL_ERROR "one file's findings differ with and without JIT-compiling ahead (or are too few: ${size} bytes)")
endif()

string(REGEX MATCHALL "\n" lines "${reference_out}")
list(LENGTH lines count)
message(STATUS "identical: ${count} findings on ${inputs}")
