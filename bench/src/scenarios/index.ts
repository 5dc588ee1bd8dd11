// The scenario registry: adding a scenario is one file in this folder and one line here.
import q1 from "./q1-front-page.ts";
import q2 from "./q2-article-page.ts";
import q3 from "./q3-post-comment.ts";
import q4 from "./q4-subscribe-newsletter.ts";
import q5 from "./q5-search.ts";
import q6 from "./q6-image.ts";
import type { Scenario } from "./types.ts";

export const scenarios: Scenario[] = [q1, q2, q3, q4, q5, q6];
