#!/usr/bin/env bash
# Regenerates the README's pictures that the command line makes (render and sweep), from the
# current build: `mvn -B package -DskipTests` first. The window's own pictures (screenshot.png,
# studio-200-percent.png and the two of compare mode) come from the headless studio; see the
# README's "Pictures" note. Run from the project folder; takes a few minutes.
set -euo pipefail
jar=target/ntk-studio.jar
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { java -jar "$jar" "$@" > /dev/null; }

# an experiment or lesson with some fields changed: variant SRC DEST 'python-expression on d'
# (for a lesson, d is its experiment)
variant() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
top = json.load(open(sys.argv[1]))
d = top.get("experiment", top)
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"))
PY
}

run render --spec assets/lessons/spectral-bias.ntk --out "$tmp/spectral" --scale 1
cp "$tmp/spectral/dashboard.png" assets/spectral-bias-dashboard.png
run render --spec assets/lessons/large-learning-rates-2.ntk --out "$tmp/catapult" --scale 1 || true  # the catapult may end above its start
cp "$tmp/catapult/dashboard.png" assets/catapult-dashboard.png
# a comparison's lesson renders A and B; these pictures are of A (or of a variant), as plain experiments
variant assets/lessons/jacot-figure1.ntk "$tmp/jf1-500.json" 'pass'
variant assets/lessons/jacot-figure2.ntk "$tmp/jf2-50.json" 'pass'
run render --spec "$tmp/jf1-500.json" --out "$tmp/slide" --size 1920x1080 --scale 1.5
cp "$tmp/slide/dashboard.png" assets/slide-16x9.png

variant assets/lessons/many-random-networks.ntk "$tmp/ens2048.json" 'd["network"]["width"] = 2048'
run render --spec "$tmp/ens2048.json" --out "$tmp/ens2048" --scale 1
cp "$tmp/ens2048/function.png" assets/ensemble-function.png
run render --spec "$tmp/jf1-500.json" --out "$tmp/jf1-500" --scale 1
cp "$tmp/jf1-500/slice.png" assets/jacot-figure1-width500.png
variant assets/lessons/jacot-figure1.ntk "$tmp/jf1-2048.json" 'd["network"]["width"] = 2048'
run render --spec "$tmp/jf1-2048.json" --out "$tmp/jf1-2048" --scale 1  # about two minutes
cp "$tmp/jf1-2048/slice.png" assets/jacot-figure1-width2048.png

run render --spec "$tmp/jf2-50.json" --out "$tmp/jf2-50" --scale 1
cp "$tmp/jf2-50/function.png" assets/jacot-figure2-width50.png
variant assets/lessons/jacot-figure2.ntk "$tmp/jf2-1000.json" 'd["network"]["width"] = 1000'
run render --spec "$tmp/jf2-1000.json" --out "$tmp/jf2-1000" --scale 1
cp "$tmp/jf2-1000/function.png" assets/jacot-figure2-width1000.png

run sweep --spec assets/lessons/kernel-movement-against-width.ntk --out "$tmp/sweep"
cp "$tmp/sweep/sweep.png" assets/width-sweep.png
run sweep --spec assets/presets/lazy-by-scaling-sweep.json --output-scales 0.3,1,3,10,30,100,300,1000 --seeds 3 --out "$tmp/alpha"
cp "$tmp/alpha/sweep.png" assets/output-scale-sweep.png
variant assets/lessons/many-random-networks.ntk "$tmp/ens-sweep.json" 'd["training"]["steps"] = 150'
run sweep --spec "$tmp/ens-sweep.json" --widths 16,64,256,1024 --out "$tmp/ens-sweep" --scale 1
cp "$tmp/ens-sweep/sweep.png" assets/ensemble-sweep.png
echo "pictures written to assets/"
