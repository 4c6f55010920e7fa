import OpenAI from "openai";

/** Shared OpenAI client, imported by every route. */
export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export const DEFAULT_MODEL = "gpt-4o-mini";
