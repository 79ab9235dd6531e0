/** What a command needs from the outside world, passed in so tests can call commands directly. */
export interface CommandIO {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

/** Colour only on a TTY and never with NO_COLOR. */
export function useColor(stream: { isTTY?: boolean }, env: CommandIO["env"]): boolean {
  return Boolean(stream.isTTY) && !env["NO_COLOR"];
}

export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (text === "") return resolve();
    stream.write(text, () => resolve());
  });
}
