import { Worker } from "bullmq";
import { runTask } from "../crew/tasks";
import { connection } from "./connection";

export const scaleWorker = new Worker(
  "scale-agent",
  async (job) => {
    const result = await runTask(job.data.ticketId);
    return result.output;
  },
  { connection },
);
