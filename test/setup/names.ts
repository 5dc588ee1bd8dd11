// Names of the test databases that live beside TEST_DATABASE_URL's database on the same server.
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

const baseName = (serverUrl: string) => new URL(serverUrl).pathname.slice(1) || "lede_test";

export const templateDatabaseName = (serverUrl: string) => `${baseName(serverUrl)}_template`;

export const cloneDatabaseName = (serverUrl: string, id: string) => `${baseName(serverUrl)}_${id}`;

/**
 * Redis channels of this test process alone: test files run in parallel on one Redis, each on its
 * own copy of the same demo content, so one file's events would reach another's subscribers.
 */
export const testChannels = { channelPrefix: `lede-test-${process.pid}:` };
