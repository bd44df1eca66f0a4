/**
 * Where e-mails leave: Cloudflare Email Service through the `send_email` binding (on
 * Cloudflare a verified sender domain; in `wrangler dev` and the tests a simulation that
 * writes each message to a file). The delivery depends on this interface only, so a test can
 * give it a transport that fails or counts.
 */
export interface OutgoingMail {
  from: string;
  to: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; type: string; content: Uint8Array<ArrayBuffer> }[];
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

export function emailServiceTransport(binding: SendEmail): MailTransport {
  return {
    async send(mail) {
      const result = await binding.send({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        ...(mail.attachments?.length
          ? {
              attachments: mail.attachments.map((a) => ({
                disposition: 'attachment' as const,
                filename: a.filename,
                type: a.type,
                content: a.content,
              })),
            }
          : {}),
      });
      return { messageId: result.messageId };
    },
  };
}
