/**
 * A wrk Lua prelude that seeds each run and each wrk thread apart (each thread has its own Lua state,
 * seeded alike unless told apart). With one sequence for every run, a later run PATCHes each row to
 * the value an earlier run just wrote: a no-op that measures nothing of a write.
 */
let runs = 0;
export function seededPrelude() {
  runs++;
  return `local threads = 0\nfunction setup(thread) threads = threads + 1 thread:set("tid", threads) end\nfunction init(args) math.randomseed(${runs * 7919} + tid * 104729) end\n`;
}
