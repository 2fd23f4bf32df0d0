"""Strings for the framework picker and the PyTorch/PaddlePaddle comparison (lessons/ui_frameworks.py)."""

TEXT = {
    "fw.label": {"en": "Framework rules", "zh": "框架规则"},
    "fw.help": {
        "en": "Compute with PyTorch's rules or PaddlePaddle's: they differ in ceil mode, in the divisor of an "
              "average that counts padding, in ties and in what they allow. The code below follows the choice.",
        "zh": "按 PyTorch 或飞桨的规则计算：两者在 ceil 模式、计入填充的平均池化的除数、相等值的取舍以及允许的参数上"
              "有所不同。下方的代码随所选框架而变。",
    },
    "fw.name.paddle": {"en": "PaddlePaddle", "zh": "飞桨"},
    "fw.differ": {
        "en": "**PyTorch and PaddlePaddle give different numbers for these settings.**",
        "zh": "**这组参数下，PyTorch 和飞桨算出的结果不同。**",
    },
    "fw.result": {"en": "{name}:", "zh": "{name}："},
    "fw.why.ceil": {
        "en": "Ceil-mode rule: PyTorch drops a last window that starts past the input and its top/left "
              "padding; PaddlePaddle keeps it (−3.4028235e38 for max, nan or 0 for average where it holds no "
              "input cell).",
        "zh": "ceil 模式规则：起点落在输入及其上方/左侧填充之外的最后一个窗口，PyTorch 会舍弃，飞桨会保留"
              "（窗口里没有输入格时，最大池化得 −3.4028235e38，平均池化得 nan 或 0）。",
    },
    "fw.why.divisor": {
        "en": "Divisor rule: when padding counts, PaddlePaddle ends each window at the input plus the "
              "top/left padding on both sides, so with uneven padding a window in the bottom/right padding "
              "is divided by fewer cells than in PyTorch.",
        "zh": "除数规则：计入填充时，飞桨在两侧都用“输入加上方/左侧填充”来截断窗口，所以填充不对称时，"
              "伸进下方/右侧填充的窗口除以的格数比 PyTorch 少。",
    },
    "fw.why.tie": {
        "en": "Tie rule: among equal values PyTorch keeps the first and PaddlePaddle the last, which shows "
              "when 0.0 meets −0.0.",
        "zh": "相等值规则：几个值相等时，PyTorch 取第一个，飞桨取最后一个；0.0 和 −0.0 相遇时就能看出差别。",
    },
    "fw.why.nan": {
        "en": "NaN rule: in PyTorch a NaN in the window wins; in PaddlePaddle the cell after a NaN replaces it.",
        "zh": "NaN 规则：在 PyTorch 中，窗口里的 NaN 胜出；在飞桨中，NaN 会被它后面的格子替换。",
    },
    "fw.why.size": {
        "en": "Size rule: PaddlePaddle's output-size division rounds toward zero, so a window larger than the "
              "padded input still gives one output cell; PyTorch finds no room for it.",
        "zh": "尺寸规则：飞桨计算输出尺寸时除法向零取整，所以比补边后的输入还大的窗口仍会得到一个输出格；"
              "PyTorch 认为放不下。",
    },
    "fw.no_code.pytorch": {
        "en": "PyTorch cannot give these numbers with these settings, so there is no code for them.",
        "zh": "PyTorch 无法按这组参数算出这些数，因此这里不给出代码。",
    },
    "fw.no_code.paddle": {
        "en": "PaddlePaddle cannot give these numbers with these settings, so there is no code for them.",
        "zh": "飞桨无法按这组参数算出这些数，因此这里不给出代码。",
    },
    "fw.code.pytorch": {"en": "These settings in PyTorch, giving the numbers above:",
                        "zh": "这组参数在 PyTorch 中的写法，得到的正是上面的数："},
    "fw.code.paddle": {"en": "These settings in PaddlePaddle, giving the numbers above:",
                       "zh": "这组参数在飞桨中的写法，得到的正是上面的数："},
    "fw.crop": {
        "en": "PyTorch's pooling takes only even padding of at most half the window, so the code pads first "
              "with `F.pad`; in ceil mode it then crops the windows that start in the bottom/right padding, "
              "which PyTorch would otherwise keep.",
        "zh": "PyTorch 的池化只接受两侧相等、且不超过窗口一半的填充，所以代码先用 `F.pad` 补边；在 ceil 模式下"
              "再裁掉起点落在下方/右侧填充里的窗口，否则 PyTorch 会保留它们。",
    },
    "fw.formula_truncate.H": {
        "en": "PaddlePaddle divides as C does, rounding toward zero: the window is taller than the padded "
              "input, yet H_out = {out}, and the window reads the rows there are.",
        "zh": "飞桨像 C 语言那样做除法，向零取整：窗口比补边后的输入还高，H_out 仍为 {out}，窗口读取现有的行。",
    },
    "fw.formula_truncate.W": {
        "en": "PaddlePaddle divides as C does, rounding toward zero: the window is wider than the padded "
              "input, yet W_out = {out}, and the window reads the columns there are.",
        "zh": "飞桨像 C 语言那样做除法，向零取整：窗口比补边后的输入还宽，W_out 仍为 {out}，窗口读取现有的列。",
    },
    "fw.formula_ceil_keep.H": {
        "en": "Rounding up made room for one more window, starting at row {start}, past the input and its top "
              "padding. PyTorch would drop it; PaddlePaddle keeps it, so H_out = {out}.",
        "zh": "向上取整多出一个窗口，它从第 {start} 行开始，已在输入及其上方填充之外。PyTorch 会舍弃它，"
              "飞桨则保留，所以 H_out = {out}。",
    },
    "fw.formula_ceil_keep.W": {
        "en": "Rounding up made room for one more window, starting at column {start}, past the input and its "
              "left padding. PyTorch would drop it; PaddlePaddle keeps it, so W_out = {out}.",
        "zh": "向上取整多出一个窗口，它从第 {start} 列开始，已在输入及其左侧填充之外。PyTorch 会舍弃它，"
              "飞桨则保留，所以 W_out = {out}。",
    },
    "fw.empty_max": {
        "en": "This window holds no input cell. PaddlePaddle computes it anyway: its max keeps the starting "
              "value −3.4028235e38, float32's lowest number.",
        "zh": "这个窗口里没有输入格。飞桨照样计算它：最大值停留在起始值 −3.4028235e38，即 float32 能表示的最小数。",
    },
    "fw.empty_avg": {
        "en": "This window holds no input cell. PaddlePaddle computes it anyway: a sum of 0 over its divisor, "
              "0 when padding counts and 0 / 0 = nan when it does not.",
        "zh": "这个窗口里没有输入格。飞桨照样计算它：和为 0，再除以除数；计入填充时得 0，不计入时 0 / 0 = nan。",
    },
    "fw.why.empty": {
        "en": "Padding rule: PyTorch refuses a window that holds no input cell (padding over half the "
              "window can make one); PaddlePaddle computes it: −3.4028235e38 for max, nan or 0 for average.",
        "zh": "填充规则：窗口里一个输入格都没有时（填充超过窗口一半就可能出现），PyTorch 拒绝计算；飞桨照样计算："
              "最大池化得 −3.4028235e38，平均池化得 nan 或 0。",
    },
    "fw.refuses": {"en": "refuses these settings, so it gives no numbers.",
                   "zh": "拒绝这组参数，因此没有结果。"},
    "fw.arith_overhang": {
        "en": "{n} {n:cell|cells} of this window {n:lies|lie} past the input and its padding (PaddlePaddle's "
              "size rule made room for it) and never {n:counts|count}.",
        "zh": "本窗口有 {n} 个格子落在输入及其填充之外（飞桨的尺寸规则为它留出了位置），它们始终不计入。",
    },
    "err.convention": {
        "en": "convention must be 'pytorch' or 'paddle', not {value}.",
        "zh": "convention 只能是 'pytorch' 或 'paddle'，而不是 {value}。",
    },
    "err.paddle_dilation": {
        "en": "PaddlePaddle's pooling has no dilation, so its rules need dilation=1 (got {value}); "
              "pick PyTorch for dilated windows.",
        "zh": "飞桨的池化没有膨胀参数，按它的规则计算时 dilation 必须为 1（现在是 {value}）；"
              "要用膨胀窗口，请选择 PyTorch。",
    },
    "fw.quiz_pytorch": {
        "en": "The check-yourself questions follow PyTorch's rules: pick PyTorch above to answer them.",
        "zh": "“自我检测”的题目按 PyTorch 的规则出题：请在上方选择 PyTorch 后作答。",
    },
}
