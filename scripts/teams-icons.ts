// `npm run teams:icons`: redraws manifests/teams/color.png and outline.png (committed; rerun after changing the star).
import { writeFileSync } from "node:fs";
import { encodePng } from "./lib/png.js";
import { drawColorIcon, drawOutlineIcon } from "./lib/teams-icons.js";

writeFileSync("manifests/teams/color.png", encodePng(drawColorIcon()));
writeFileSync("manifests/teams/outline.png", encodePng(drawOutlineIcon()));
console.log("wrote manifests/teams/color.png (192x192) and manifests/teams/outline.png (32x32)");
