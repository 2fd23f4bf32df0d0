"""Names of the options choice widgets show (the URL keeps the code names: lessons/ui_choice.py)."""

TEXT = {
    "pg.preset_name.ramp": {"en": "Ramp 1, 2, 3, …", "zh": "递增序列"},
    "pg.preset_name.random": {"en": "Random digits", "zh": "随机整数"},
    "pg.preset_name.checker": {"en": "Checkerboard", "zh": "棋盘格"},
    "pg.preset_name.edge": {"en": "Step edge", "zh": "阶跃边缘"},
    "pg.preset_name.face": {"en": "Small face", "zh": "一张小脸"},
}
