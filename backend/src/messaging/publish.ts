import type { ConfirmChannel, Options } from 'amqplib';

/**
 * Publishes and waits for the broker's confirms, as `mandatory`: a message the broker could not
 * route (its queue was deleted and not declared again yet) comes back as `basic.return`, before
 * its confirm, and makes this throw. Without `mandatory` the broker confirms and drops it, and
 * the caller would mark a mail published (or acknowledge the original) that no queue holds.
 */
export async function publishConfirmed(
  ch: ConfirmChannel,
  exchange: string,
  messages: {
    routingKey: string;
    content: Buffer;
    options: Options.Publish & { messageId: string };
  }[],
): Promise<void> {
  const returned = returnsOf(ch);
  for (const m of messages)
    ch.publish(exchange, m.routingKey, m.content, { ...m.options, mandatory: true });
  await ch.waitForConfirms();
  const lost = messages.filter((m) => returned.delete(m.options.messageId)).length;
  if (lost > 0) throw new UnroutableError(lost, exchange);
}

export class UnroutableError extends Error {
  constructor(count: number, exchange: string) {
    super(`${count} message(s) could not be routed on exchange ${exchange} (a queue is missing)`);
  }
}

const returns = new WeakMap<ConfirmChannel, Set<string>>();

/** The ids of messages the broker returned on this channel (one listener per channel). */
function returnsOf(ch: ConfirmChannel): Set<string> {
  let set = returns.get(ch);
  if (!set) {
    const ids = (set = new Set<string>());
    ch.on('return', (msg: { properties: { messageId?: string } }) => {
      if (msg.properties.messageId) ids.add(msg.properties.messageId);
    });
    returns.set(ch, set);
  }
  return set;
}
