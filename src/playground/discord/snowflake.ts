/** Discord's epoch (2015-01-01): snowflakes count milliseconds from it in their top 42 bits. */
const discordEpoch = 1_420_070_400_000n;

/** Ids in Discord's format, timestamped by the stand-in's clock so message ages are real. */
export function createSnowflakes(now: () => Date): (at?: Date) => string {
  let increment = 0n;
  return (at) => {
    increment = (increment + 1n) & 0xfffn;
    const ms = BigInt((at ?? now()).getTime()) - discordEpoch;
    return ((ms << 22n) | (1n << 17n) | increment).toString();
  };
}

export function timestampOfSnowflake(id: string): number {
  return Number((BigInt(id) >> 22n) + discordEpoch);
}
