// The background work: the outbox dispatcher and the morning digest's scheduler. server.ts runs it
// in the server process (LEDE_DISPATCHER=true, the default); `npm run lede -- worker` runs it alone,
// for deployments that keep it off the web processes. Any number may run at once.
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { startDispatcher } from "./mail/dispatcher.ts";
import { createMailTransport } from "./mail/transports.ts";
import { startDigestScheduler } from "./modules/newsletter/digest.ts";
import { newsletterSettingsFromConfig } from "./modules/newsletter/newsletter.settings.ts";

export interface BackgroundWork {
  /** Where mail goes, for the start-up line. */
  describe: string;
  /** Lets the dispatcher finish the message in flight, then stops both. */
  stop(): Promise<void>;
}

export function startBackgroundWork(
  db: Database,
  config: Config,
  log: (line: string) => void = (line) => console.error(line),
): BackgroundWork {
  const transport = createMailTransport({
    smtpUrl: config.smtpUrl,
    mailDir: config.mailDir,
    from: config.mail.from,
    publicUrl: config.publicUrl,
  });
  const dispatcher = startDispatcher({ db, transport, maxAttempts: config.mail.maxAttempts, log });
  const scheduler = startDigestScheduler({
    db,
    settings: newsletterSettingsFromConfig(config),
    secret: config.secret,
    log,
  });
  return {
    describe: config.smtpUrl ? "mail through SMTP" : `mail written as .eml files to ${config.mailDir}`,
    async stop() {
      await Promise.all([dispatcher.stop(), scheduler.stop()]);
      transport.close();
    },
  };
}
