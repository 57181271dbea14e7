/** The state one Python plan builds up, shared by the top-level and the dict planners. */
import type { DialectPlanRequest, EnvWrite } from '../planTypes';
import type { TextEdit } from '../types';
import type { PythonScan } from './scan';

export interface PlanContext {
  scan: PythonScan;
  request: DialectPlanRequest;
  edits: TextEdit[];
  envWrites: EnvWrite[];
  notices: string[];
  wroteLiteral: boolean;
  /** An environment-read expression was written (it may need `import os`). */
  wroteRead: boolean;
  /** Offset of the first environment read after the plan (for placing the loader). */
  firstRead: number;
}

export function newPlanContext(scan: PythonScan, request: DialectPlanRequest): PlanContext {
  return { scan, request, edits: [], envWrites: [], notices: [], wroteLiteral: false, wroteRead: false, firstRead: Number.MAX_SAFE_INTEGER };
}

export function addEnvWrite(context: PlanContext, write: EnvWrite): void {
  if (!context.envWrites.some((w) => w.name === write.name)) context.envWrites.push(write);
}
