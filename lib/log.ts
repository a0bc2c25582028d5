/**
 * Structured logger: one JSON object per line on stdout. Fields first, short fixed message:
 * `log.info({ runId, ms }, "stage done")`. Log ids and sizes, never answers, passwords or tokens.
 */
type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown>;

const LEVEL_RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Logger = {
  debug: (fields: Fields, message: string) => void;
  info: (fields: Fields, message: string) => void;
  warn: (fields: Fields, message: string) => void;
  error: (fields: Fields, message: string) => void;
  child: (fields: Fields) => Logger;
};

function serialiseError(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export function createLogger(base: Fields = {}, minLevel: Level = (process.env.LOG_LEVEL as Level | undefined) ?? "info"): Logger {
  const threshold = LEVEL_RANK[minLevel] ?? LEVEL_RANK.info;
  const write = (level: Level) => (fields: Fields, msg: string) => {
    if (LEVEL_RANK[level] < threshold || process.env.LOG_SILENT === "1") return;
    const record: Fields = { time: new Date().toISOString(), level, msg, ...base };
    for (const [k, v] of Object.entries(fields)) record[k] = serialiseError(v);
    const line = JSON.stringify(record);
    if (level === "error" || level === "warn") process.stderr.write(line + "\n");
    else process.stdout.write(line + "\n");
  };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    child: (fields) => createLogger({ ...base, ...fields }, minLevel),
  };
}

export const log = createLogger({ service: process.env.SERVICE_NAME ?? "web" });
