import { useDates } from '../app/format';

/** A timestamp shown in the workspace time zone; the zone is in the tooltip. */
export function DateTime({
  value,
  dateOnly,
}: {
  value: string | null | undefined;
  dateOnly?: boolean;
}) {
  const dates = useDates();
  if (!value) return <span>—</span>;
  return (
    <time dateTime={value} title={dates.timeZone}>
      {dateOnly ? dates.date(value) : dates.dateTime(value)}
    </time>
  );
}
