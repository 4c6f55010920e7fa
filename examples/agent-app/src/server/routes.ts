import express from "express";
import OpenAI from "openai";
import { DEFAULT_MODEL, openai } from "../lib/openai";
import { enqueueScaleAgent } from "../jobs/producer";

export const app = express();
app.use(express.json());

app.post("/chat", async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: DEFAULT_MODEL,
    messages: [{ role: "user", content: String(req.body.message) }],
  });
  res.json({ reply: completion.choices[0]?.message.content ?? "" });
});

app.post("/summarise", async (req, res) => {
  // The caller's login token is not our OpenAI key.
  const userOpenAI = new OpenAI({ apiKey: req.headers.authorization?.replace("Bearer ", "") });
  const completion = await userOpenAI.chat.completions.create({
    model: DEFAULT_MODEL,
    messages: [{ role: "user", content: `Summarise: ${String(req.body.text)}` }],
  });
  res.json({ summary: completion.choices[0]?.message.content ?? "" });
});

app.post("/tickets/:id/scale", async (req, res) => {
  const sessionToken = req.headers.authorization?.slice("Bearer ".length) ?? "";
  await enqueueScaleAgent(req.params.id, sessionToken);
  res.status(202).end();
});
