// Interface strings that need no browser: the search count, exact or "1,000+" when lede ranked
// only the newest matches of more (`allMatchesRanked` false).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { strings } from "../src/lib/i18n.ts";

describe("search result counts", () => {
  it("are exact when every match was ranked", () => {
    assert.equal(strings.fr.searchResults(1, "sodium"), "1 résultat pour « sodium »");
    assert.equal(strings.fr.searchResults(12, "sodium"), "12 résultats pour « sodium »");
    assert.equal(strings.en.searchResults(1, "sodium"), "1 result for “sodium”");
    assert.equal(strings.en.searchResults(940, "sodium"), "940 results for “sodium”");
  });

  it('read "1 000+" / "1,000+" when there were more matches than lede ranks', () => {
    // French groups thousands with a narrow no-break space (U+202F), as Intl writes them.
    assert.equal(strings.fr.searchResults(1000, "données", true), "1\u202f000+ résultats pour « données »");
    assert.equal(strings.en.searchResults(1000, "data", true), "1,000+ results for “data”");
  });
});
