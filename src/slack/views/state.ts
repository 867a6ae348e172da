import type { ViewOutput } from '@slack/bolt';

/**
 * Reading what was typed or picked in a submitted modal. Block and action ids are the same
 * string in Tandem's modals (see `fieldIds`), so one id finds a field.
 */
type StateValue = ViewOutput['state']['values'][string][string];

function valueAt(view: ViewOutput, id: string): StateValue | undefined {
  return view.state.values[id]?.[id];
}

export function readText(view: ViewOutput, id: string): string {
  return valueAt(view, id)?.value?.trim() ?? '';
}

export function readSelected(view: ViewOutput, id: string): string | null {
  return valueAt(view, id)?.selected_option?.value ?? null;
}

export function readDatePicked(view: ViewOutput, id: string): string | null {
  return valueAt(view, id)?.selected_date ?? null;
}

export function readTimePicked(view: ViewOutput, id: string): string | null {
  return valueAt(view, id)?.selected_time ?? null;
}

export function readChecked(view: ViewOutput, id: string): string[] {
  return (valueAt(view, id)?.selected_options ?? []).map((option) => option.value);
}
