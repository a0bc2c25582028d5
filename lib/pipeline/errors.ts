/** Engine errors; the shell maps them to AppError in one place. @see ../../../shared/STYLE.md §7 */
export class PipelineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PipelineError";
  }
}

export class PipelineConfigError extends PipelineError {
  constructor(message: string) {
    super(message);
    this.name = "PipelineConfigError";
  }
}

export class PipelineInputError extends PipelineError {
  constructor(message: string) {
    super(message);
    this.name = "PipelineInputError";
  }
}
