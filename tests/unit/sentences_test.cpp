// Sentence boundaries (src/model/sentences.h).
#include <catch2/catch.hpp>

#include "model/sentences.h"

namespace {

std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const auto r : clauselint::split_sentences(text)) out.emplace_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

}  // namespace

TEST_CASE("sentences split at ends of sentences", "[sentences]") {
  CHECK(sentences("We collect data. We share it! Why? Because.") ==
        std::vector<std::string>{"We collect data.", "We share it!", "Why?", "Because."});
}

TEST_CASE("abbreviations do not end sentences", "[sentences]") {
  CHECK(sentences("We use tools, e.g. Google Analytics, to measure traffic. Next.").size() == 2);
  CHECK(sentences("Some data, i.e. Your name, is kept. Next.").size() == 2);
  CHECK(sentences("Example Inc. Privacy Team handles requests. Next.").size() == 2);
  CHECK(sentences("Data stays in the U.S. Department of Commerce rules apply.").size() == 1);
  CHECK(sentences("See Regulation No. 5 for details. Next.").size() == 2);
  CHECK(sentences("Write to Mr. Smith at our office. Next.").size() == 2);
}

TEST_CASE("a company suffix before a sentence opening ends the sentence", "[sentences]") {
  CHECK(sentences("This site is run by Example Inc. We respect your privacy.").size() == 2);
}

TEST_CASE("an acronym can end a sentence", "[sentences]") {
  CHECK(sentences("We have appointed a DPO. For questions, write to us.").size() == 2);
  CHECK(sentences("Data stays in the EEA. Transfers are rare.").size() == 2);
  CHECK(sentences("Acme INC. Privacy Team reads every message.").size() == 1);
}

TEST_CASE("addresses do not break sentences", "[sentences]") {
  CHECK(sentences("Visit www.example.com/Privacy or e-mail jane.doe@Example.com today. Next.").size() == 2);
}

TEST_CASE("a period without a following space can still end a sentence", "[sentences]") {
  CHECK(sentences("Enter it on the payment form.We recommend checking this page.") ==
        std::vector<std::string>{"Enter it on the payment form.", "We recommend checking this page."});
}
