import type { ButtonProps } from 'antd';

/**
 * Props for a button antd renders for us (Popconfirm's OK) carrying a test id: an object literal
 * typed as ButtonProps refuses `data-*` keys, though React passes them through to the element.
 */
export function buttonWithTestId(testId: string, props: ButtonProps = {}): ButtonProps {
  return Object.assign({}, props, { 'data-testid': testId });
}
