/// <reference lib="webworker" />
/**
 * Builds the report HTML off the main thread: pseudonymising and compressing 100k findings takes seconds,
 * during which the page stays responsive. One request per worker; the page terminates it afterwards.
 */
import { runBuildReportJob } from './build-report-job';
import type { BuildReportRequest } from './build-report-protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (message: MessageEvent<BuildReportRequest>) => {
  self.postMessage(runBuildReportJob(message.data));
};
