import { Queue } from "bullmq";
import { connection } from "./connection";

export const scaleQueue = new Queue("scale-agent", { connection });

export async function enqueueScaleAgent(ticketId: string, sessionToken: string) {
  await scaleQueue.add("scale-agent", {
    ticketId,
    apiKey: sessionToken,
  });
}
