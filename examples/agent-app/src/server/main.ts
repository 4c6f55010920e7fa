import { app } from "./routes";
import dotenv from "dotenv";

dotenv.config();

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => {
  console.log(`agent-app listening on ${port}`);
});
