// Helpers for e2e modules; import them as `from './harness'`.
export { E2EContext, E2EModule, SkipError, skip } from './context';
export {
  E2E_ARTIFACTS_DIR,
  clickTreeItem,
  closeQuickInput,
  dismissToasts,
  forgetEverything,
  openMomoView,
  pickQuickItem,
  reportFrame,
  runCommand,
  screenshot,
  showOutputChannelByCommand,
  shownOutputChannel,
  typeIntoQuickInput,
  waitForCommand,
  waitForOutputChannel,
  waitForText,
  waitForWorkbench,
} from './ui';
