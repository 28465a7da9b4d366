// The CLI walks the paths it is given with the server's walker and ignore policy (../host/walk.ts):
// .gitignore honoured (compiled once per folder), links followed only inside the given paths, no
// folder twice, unreadable entries reported instead of stopping the run.

export { walk, type WalkProblem } from '../host/walk';
