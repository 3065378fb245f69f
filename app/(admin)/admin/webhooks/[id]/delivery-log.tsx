import type { DeliveryLogEntry } from "@/lib/data/webhooks";
import { formatExactTime, formatTimestamp } from "@/lib/text/dates";

function Time({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={formatExactTime(date)}>
      {formatTimestamp(date)}
    </time>
  );
}

/** A webhook's latest deliveries: what was sent, what the receiver answered, what comes next. */
export function DeliveryLog({ deliveries }: { deliveries: DeliveryLogEntry[] }) {
  if (deliveries.length === 0)
    return (
      <p className="text-muted">Nothing yet. Events this webhook asks for will show here, as will tests.</p>
    );
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Delivery log table">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">The latest {deliveries.length} deliveries, newest first</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-3">
              Queued
            </th>
            <th scope="col" className="py-2 pr-3">
              Event
            </th>
            <th scope="col" className="py-2 pr-3">
              Status
            </th>
            <th scope="col" className="py-2 pr-3">
              Answer
            </th>
            <th scope="col" className="py-2 pr-3">
              Attempts
            </th>
            <th scope="col" className="py-2 pr-3">
              Last error
            </th>
            <th scope="col" className="py-2">
              Next try
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {deliveries.map((delivery) => (
            <tr key={delivery.id} className="align-top">
              <td className="py-2 pr-3 whitespace-nowrap">
                <Time date={delivery.createdAt} />
              </td>
              <td className="py-2 pr-3">
                <code>{delivery.event}</code>
              </td>
              <td className="py-2 pr-3">{delivery.status}</td>
              <td className="py-2 pr-3">
                {delivery.responseStatus ? `HTTP ${delivery.responseStatus}` : "—"}
                {delivery.responseExcerpt && (
                  <span className="block max-w-xs truncate text-muted" title={delivery.responseExcerpt}>
                    {delivery.responseExcerpt}
                  </span>
                )}
              </td>
              <td className="py-2 pr-3">{delivery.attempts}</td>
              <td className="max-w-xs py-2 pr-3 break-words">{delivery.lastError ?? "—"}</td>
              <td className="py-2 whitespace-nowrap">
                {delivery.status === "pending" ? <Time date={delivery.nextAttemptAt} /> : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
