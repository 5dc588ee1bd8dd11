// The background work: the dispatcher of the outbox's emails and webhook deliveries, and the
// morning digest's scheduler. The server runs it in its process (LEDE_DISPATCHER=true, the
// default); `npx lede worker` runs it alone, for deployments that keep it off the web processes.
// Any number may run at once.
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { startQueues } from "./infra/work-queue.ts";
import { mailQueue } from "./mail/dispatcher.ts";
import { createMailTransport } from "./mail/transports.ts";
import { startDigestScheduler } from "./modules/newsletter/digest.ts";
import { newsletterSettingsFromConfig } from "./modules/newsletter/newsletter.settings.ts";
import { webhookQueue } from "./modules/webhooks/webhook.dispatcher.ts";

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
  const dispatcher = startQueues(
    [
      mailQueue({ transport, maxAttempts: config.mail.maxAttempts }),
      webhookQueue({ db, secret: config.secret, policy: config.webhooks }),
    ],
    { db, log },
  );
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
