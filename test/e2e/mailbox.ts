/**
 * The simulated Email Service of `wrangler dev` writes each message's text, HTML and
 * attachments to files and prints their paths in the app's log (<state>/app.log, kept by
 * global-setup.ts). This reads those messages back as a mailbox.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SimulatedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; path: string }[];
}

export function readMailbox(statePath: string): SimulatedMail[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the log's ANSI colour codes start with ESC
  const log = readFileSync(join(statePath, 'app.log'), 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  const blocks = log.split('send_email binding called with MessageBuilder:').slice(1);
  return blocks.map((block) => {
    const header = (name: string) => block.match(new RegExp(`^${name}: (.*)$`, 'm'))?.[1]?.trim() ?? '';
    const file = (name: string) => {
      const path = header(name);
      return path ? readFileSync(path, 'utf8') : '';
    };
    return {
      to: header('To').split(/,\s*/).filter(Boolean),
      subject: header('Subject'),
      text: file('Text'),
      html: file('HTML'),
      attachments: [...block.matchAll(/^Attachment \([^)]*\): (.*) -> (.*)$/gm)].map((m) => ({
        filename: m[1]!.trim(),
        path: m[2]!.trim(),
      })),
    };
  });
}

/** Waits until a message to `address` whose subject contains `subject` shows up. */
export async function waitForMail(statePath: string, address: string, subject: string, timeoutMs = 20_000): Promise<SimulatedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = readMailbox(statePath).find((m) => m.to.includes(address) && m.subject.includes(subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no e-mail to ${address} about “${subject}” within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
