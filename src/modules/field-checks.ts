// Checks of free-text input fields shared by the services that write: each problem becomes a
// FieldIssue naming its field, so one answer lists everything wrong at once.
import { EmailAddressResolver } from "graphql-scalars";
import type { FieldIssue } from "./errors.ts";

/**
 * Trims `value` and checks its length; returns the trimmed text, or null for an absent or empty
 * optional value. `field` is the input path, such as "input.title".
 */
export function checkText(
  issues: FieldIssue[],
  field: string,
  value: string,
  limits: { max: number; required?: boolean },
): string | null {
  const text = value.trim();
  const name = field.replace(/^input\./, "");
  if (!text) {
    if (limits.required) issues.push({ field, message: `${name} is required` });
    return null;
  }
  if (text.length > limits.max)
    issues.push({ field, message: `${name} is longer than ${limits.max} characters` });
  return text;
}

/** Checks that `value` is an absolute http(s) URL of reasonable length; returns it trimmed. */
export function checkWebUrl(issues: FieldIssue[], field: string, value: string, max = 2000): string | null {
  const url = checkText(issues, field, value, { max });
  if (url !== null && !isWebUrl(url)) {
    issues.push({ field, message: `${field.replace(/^input\./, "")} must be an http(s) URL` });
  }
  return url;
}

/**
 * Trims `value` (people paste addresses with spaces around them) and checks that it is a required
 * email address of at most `max` characters; returns it trimmed.
 */
export function checkEmail(issues: FieldIssue[], field: string, value: string, max: number): string | null {
  const email = checkText(issues, field, value, { max, required: true });
  if (email !== null && email.length <= max && !isEmailAddress(email)) {
    issues.push({ field, message: `${field.replace(/^input\./, "")} is not a valid email address` });
  }
  return email;
}

/** The HTML standard's valid email address (graphql-scalars' EmailAddress). */
function isEmailAddress(value: string): boolean {
  try {
    EmailAddressResolver.parseValue(value);
    return true;
  } catch {
    return false;
  }
}

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
