/** Ends the command with a message for the operator (exit code 2). */
export function fail(message: string): never {
  process.stderr.write(`crossroads: ${message}\n`);
  process.exit(2);
}
