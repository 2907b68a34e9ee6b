/work/main/target-wt/release/examples/train-9902d869252bb239.d: examples/train.rs

/work/main/target-wt/release/examples/train-9902d869252bb239: examples/train.rs

examples/train.rs:
