/**
 * Custom ids of Tandem's Discord components, in one place. A custom id carries what the
 * click is about (the report), so any replica can handle it with nothing in memory.
 */
export const reportActions = ['delete', 'warn', 'timeout', 'dismiss'] as const;
export type ReportAction = (typeof reportActions)[number];

export const customIds = {
  report: (action: ReportAction, reportId: number) => `report:${action}:${reportId}`,
};

export type ParsedCustomId = { kind: 'report'; action: ReportAction; reportId: number };

export function parseCustomId(customId: string): ParsedCustomId | null {
  const [kind, action, id] = customId.split(':');
  if (kind === 'report' && reportActions.includes(action as ReportAction) && /^\d+$/.test(id ?? '')) {
    return { kind, action: action as ReportAction, reportId: Number(id) };
  }
  return null;
}
