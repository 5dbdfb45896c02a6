// The one error a report parser throws: which line, which field, what is wrong. Nothing is written after one.
export class ReportLineError extends Error {
  constructor(
    readonly line: number,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`line ${line}: ${field} ${reason}`);
    this.name = 'ReportLineError';
  }
}
