import { useMemo } from 'react';
import { Select, type SelectProps } from 'antd';

import { listTimeZones } from '../timezones';

/** A searchable select of IANA time zones, Asia/Shanghai first. */
export function TimeZoneSelect(props: Omit<SelectProps<string>, 'options' | 'showSearch'>) {
  const options = useMemo(() => listTimeZones().map((zone) => ({ value: zone, label: zone })), []);
  return <Select<string> {...props} showSearch options={options} />;
}
