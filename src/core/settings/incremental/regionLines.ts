/**
 * The lines of a text from a line start on, found as a region re-scan asks for them (the lexer
 * of the Python statements, the .env scan): a keystroke's re-scan reads its lines, not the file's.
 */
export class RegionLines {
  private readonly starts: number[];
  private readonly ends: number[] = [];

  constructor(
    private readonly text: string,
    regionStart: number,
    private readonly firstLine: number,
  ) {
    this.starts = [regionStart];
  }

  /** Where line `line` starts; undefined past the end of the text. */
  start(line: number): number | undefined {
    const i = line - this.firstLine;
    while (this.starts.length <= i) if (!this.findEnd()) return undefined;
    return this.starts[i];
  }

  /** Where line `line`'s content ends (before its line break). */
  end(line: number): number {
    const i = line - this.firstLine;
    while (this.ends.length <= i) if (!this.findEnd()) break;
    return this.ends[i];
  }

  /** The line of `offset` (at or after the region's start). */
  lineAt(offset: number): number {
    while (this.starts[this.starts.length - 1] <= offset && this.findEnd());
    let i = this.starts.length - 1;
    while (this.starts[i] > offset) i--;
    return this.firstLine + i;
  }

  /** Line `line`'s leading spaces and tabs. */
  indentation(line: number): string {
    const start = this.start(line) ?? this.text.length;
    let i = start;
    while (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9) i++;
    return this.text.slice(start, i);
  }

  /** Finds where the last line found ends (and the next one starts): false when it ends the text. */
  private findEnd(): boolean {
    if (this.ends.length === this.starts.length) return false;
    const text = this.text;
    for (let i = this.starts[this.starts.length - 1]; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.ends.push(i);
        this.starts.push(c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1);
        return true;
      }
    }
    this.ends.push(text.length);
    return true;
  }
}
