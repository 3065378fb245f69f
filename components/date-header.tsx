import { formatDateHeader } from "@/lib/text/dates";

type DateHeaderProps = { date: Date; as?: "h2" | "p" };

/** Blogger's date header: "Wednesday, June 19, 2024", above the posts of that day. */
export function DateHeader({ date, as: Tag = "h2" }: DateHeaderProps) {
  return (
    <Tag className="text-sm font-semibold tracking-wide text-muted uppercase">
      <time dateTime={date.toISOString()}>{formatDateHeader(date)}</time>
    </Tag>
  );
}
