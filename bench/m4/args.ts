/** The command line of `npm run bench:m4` (options listed in run.ts's header), read where each option is used. */
export const args = process.argv.slice(2);
export const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
export const flag = (name: string) => args.includes(name);
